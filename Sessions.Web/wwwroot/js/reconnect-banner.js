// Drives the portal's reconnection banner (Components/Layout/ReconnectBanner.razor). The texts are in the markup, in
// the page's language; this only sets data-state on the banner and a class on <html> that other parts of the page
// (the "Live updates" pill, the error bar) follow.
(() => {
    const banner = document.getElementById("components-reconnect-modal");
    if (!banner) {
        return;
    }
    const root = document.documentElement;
    const backOnlineMilliseconds = 4000;
    let backOnlineTimer = 0;

    const show = state => {
        clearTimeout(backOnlineTimer);
        banner.dataset.state = state;
        root.classList.toggle("connection-lost", state === "reconnecting" || state === "reload");
    };

    // Whatever the server reported while it went away (a component cancelled by the shutdown) is not an error the
    // user can act on: the banner says what happens now, so the error bar is put away with it.
    const putAwayErrorBar = () => {
        const errorBar = document.getElementById("blazor-error-ui");
        if (errorBar) {
            errorBar.style.display = "none";
        }
    };

    banner.addEventListener("components-reconnect-state-changed", event => {
        switch (event.detail.state) {
            case "show":
            case "retrying":
                putAwayErrorBar();
                show("reconnecting");
                break;
            case "hide":
                if (banner.dataset.state === "reconnecting") {
                    show("online");
                    backOnlineTimer = setTimeout(() => show("hidden"), backOnlineMilliseconds);
                }
                break;
            default:
                // failed, rejected (the server no longer has this page's circuit: it restarted), paused, resume-failed.
                putAwayErrorBar();
                show("reload");
                break;
        }
    });

    document.getElementById("reconnect-banner-reload").addEventListener("click", () => location.reload());
})();
