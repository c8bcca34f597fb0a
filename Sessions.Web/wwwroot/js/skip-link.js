// The layout's "Skip to main content" link (MainLayout.razor) moves focus into <main>, so the next Tab continues from
// there. Followed as a link it would not: <base href="/"> makes "#main-content" a link to the home page, and a fragment
// only scrolls. A file, not inline script, for the Content-Security-Policy; capture phase, ahead of Blazor's link handling.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
    const main = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!main) {
        return;
    }
    event.preventDefault();
    main.focus();
}, true);
