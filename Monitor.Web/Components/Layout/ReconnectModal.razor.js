// Keeps the dashboard alive on a phone that locks, sleeps or loses its network, without a tap:
// - connection lost: Blazor retries; once its retries are spent, this keeps retrying every few seconds, and at once
//   when the network comes back or the page is shown again;
// - the server no longer has the circuit: resume it from its persisted state (.NET 10), else reload the page; the
//   place (profile, tab) is in the address, and the scroll position is put back after the reload;
// - a page hidden for a while pauses its circuit (the server frees it, the state is kept) and resumes when shown.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

const retryEveryMs = 5000;
const pauseAfterHiddenMs = 60000;
const scrollKey = "monitor-scroll";
let retryTimer = null;
let pauseTimer = null;
let pausedByUs = false;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show") {
        if (!pausedByUs) {
            reconnectModal.showModal();
        }
    } else if (state === "hide") {
        stopRetrying();
        reconnectModal.close();
    } else if (state === "failed") {
        keepRetrying();
    } else if (state === "rejected") {
        resumeOrReload();
    } else if (state === "paused") {
        if (!pausedByUs) {
            reconnectModal.showModal();
        }
        if (document.visibilityState === "visible") {
            resume();
        }
    } else if (state === "resume-failed") {
        reload();
    }
}

function keepRetrying() {
    if (retryTimer === null) {
        retryTimer = setInterval(retry, retryEveryMs);
    }
}

function stopRetrying() {
    if (retryTimer !== null) {
        clearInterval(retryTimer);
        retryTimer = null;
    }
}

async function retry() {
    try {
        // true: reconnected; false: the server answered but has no such circuit; throws: the server is out of reach.
        const successful = await Blazor.reconnect();
        if (successful) {
            stopRetrying();
            reconnectModal.close();
        } else {
            await resumeOrReload();
        }
    } catch {
        keepRetrying();
    }
}

async function resumeOrReload() {
    stopRetrying();
    try {
        if (await Blazor.resumeCircuit()) {
            reconnectModal.close();
            return;
        }
    } catch {
        // Fall through to a reload: a fresh page is the sure way back.
    }
    reload();
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (successful) {
            pausedByUs = false;
            reconnectModal.close();
        } else {
            reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
        keepRetrying();
    }
}

function reload() {
    try {
        sessionStorage.setItem(scrollKey, JSON.stringify({ path: location.pathname + location.search, y: window.scrollY }));
    } catch {
        // Private mode without storage: reload at the top.
    }
    location.reload();
}

async function pauseWhileHidden() {
    pauseTimer = null;
    if (document.visibilityState === "hidden" && !pausedByUs) {
        pausedByUs = true;
        try {
            pausedByUs = await Blazor.pauseCircuit();
        } catch {
            pausedByUs = false;
        }
    }
}

document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
        if (pauseTimer === null) {
            pauseTimer = setTimeout(pauseWhileHidden, pauseAfterHiddenMs);
        }
        return;
    }
    if (pauseTimer !== null) {
        clearTimeout(pauseTimer);
        pauseTimer = null;
    }
    if (pausedByUs) {
        resume();
    } else if (retryTimer !== null) {
        retry();
    }
});

window.addEventListener("online", () => {
    if (retryTimer !== null) {
        retry();
    }
});

// After a reload by this script: back to where the page was, once the page has grown tall enough.
(function restoreScroll() {
    let saved = null;
    try {
        saved = JSON.parse(sessionStorage.getItem(scrollKey) ?? "null");
        sessionStorage.removeItem(scrollKey);
    } catch {
        return;
    }
    if (!saved || saved.path !== location.pathname + location.search || !(saved.y > 0)) {
        return;
    }
    let tries = 0;
    const timer = setInterval(() => {
        window.scrollTo(0, saved.y);
        if (Math.abs(window.scrollY - saved.y) < 2 || ++tries > 40) {
            clearInterval(timer);
        }
    }, 250);
})();
