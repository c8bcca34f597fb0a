// A refused server-rendered form (sign-in, set password, account) comes back from its POST as a new page, with focus at
// the page's start. Move focus to what the user has to act on: the first field the validation marked invalid, or the
// message saying why the form was refused (marked data-focus-on-load, with tabindex="-1"), whichever comes first.
// A file, not inline script, for the Content-Security-Policy. It runs while the page loads, before the browser acts on
// an autofocus attribute (which then leaves focus where it is).
(() => {
    const target = document.querySelector("form [aria-invalid='true'], [data-focus-on-load]");
    if (target) {
        target.focus();
    }
})();
