// The workspace this browser works in, read by the server when the next page or circuit starts.
window.monitorWorkspace = {
    remember: function (id) {
        document.cookie = "workspace=" + encodeURIComponent(id) + "; path=/; max-age=31536000; samesite=lax";
    }
};
