// The dashboard theme as this browser last showed it, read by the server to render the next page's first paint.
window.monitorTheme = {
    remember: function (value) {
        document.cookie = "monitor-theme=" + encodeURIComponent(value) + "; path=/; max-age=31536000; samesite=lax";
    }
};
