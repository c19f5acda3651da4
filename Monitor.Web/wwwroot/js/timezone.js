// The browser's time zone, for the dashboard's times: a cookie read when the next page is rendered on the server,
// and monitorTimeZone.get() for the circuit that is already open.
window.monitorTimeZone = {
    get: function () {
        try {
            return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
        } catch (e) {
            return "UTC";
        }
    }
};
document.cookie = "monitor-tz=" + encodeURIComponent(window.monitorTimeZone.get()) + "; path=/; max-age=31536000; samesite=lax";
