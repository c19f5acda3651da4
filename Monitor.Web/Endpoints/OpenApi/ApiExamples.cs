namespace Monitor.Web.Endpoints.OpenApi;

/// <summary>Example request bodies shown in the API reference, in the seed's field names.</summary>
internal static class ApiExamples
{
    public static string? RequestBody(string method, string route) => (method.ToUpperInvariant(), route.TrimEnd('/')) switch
    {
        ("POST", "api/tiktok/profiles") => """{ "handle": "@charlidamelio", "monitoringEnabled": true, "intervalHours": 24 }""",
        ("PATCH", "api/tiktok/profiles/{id}/monitoring") => """{ "enabled": true, "intervalHours": 6, "scanMode": "full" }""",
        ("POST", "api/tiktok/profiles/{id}/annotations") => """{ "date": "2026-11-14", "text": "Paid boost, 200 EUR" }""",
        ("PUT", "api/credits/budget") => """{ "monthlyBudget": 50000 }""",
        ("POST", "api/tiktok/posts/bulk") => """
            {
              "profileId": "0196f3a2-6c1e-7d4b-9a51-1f2e3d4c5b6a",
              "posts": [
                {
                  "awemeId": "7301234567890123456",
                  "description": "New dance #fyp",
                  "postedAt": "2026-11-20T18:30:00Z",
                  "shareUrl": "https://www.tiktok.com/@charlidamelio/video/7301234567890123456",
                  "durationSeconds": 21,
                  "viewCount": 1250000,
                  "likeCount": 184000,
                  "shareCount": 2100,
                  "commentCount": 3300,
                  "saveCount": 9100,
                  "isPinned": false,
                  "isAd": false,
                  "isPaidPartnership": true,
                  "hasShopProduct": true,
                  "shopProductUrl": "https://shop.tiktok.com/view/product/1729384756",
                  "sound": { "id": "7301234567890000001", "title": "original sound - charlidamelio", "author": "charlidamelio", "isOriginal": true },
                  "hashtags": ["fyp", "dance"]
                }
              ]
            }
            """,
        ("POST", "api/notifications/channels") => """
            {
              "name": "Ops mail",
              "kind": "email",
              "events": ["runFailed", "recovered", "growth"],
              "smtpHost": "smtp.example.com",
              "smtpPort": 587,
              "smtpTls": "starttls",
              "smtpUser": "monitor@example.com",
              "smtpPassword": "app-password",
              "from": "monitor@example.com",
              "to": ["ops@example.com"]
            }
            """,
        ("PUT" or "PATCH", "api/notifications/channels/{id}") => """{ "enabled": true, "events": ["runFailed", "recovered", "breakout"] }""",
        ("PUT", "api/notifications/settings") => """{ "failuresBeforeAlert": 2, "growthPercent": 50, "growthViews": 10000, "breakoutMultiple": 5 }""",
        ("PUT", "api/notifications/profiles/{id}/thresholds") => """{ "growthPercent": 25, "growthViews": 5000, "breakoutMultiple": null }""",
        ("POST" or "PATCH", "api/tiktok/groups" or "api/tiktok/groups/{id}") => """{ "name": "Fashion rivals", "description": "Us and the four brands we watch" }""",
        ("PUT", "api/tiktok/groups/{id}/members/{profileId}") => """{ "isOwn": true }""",
        _ => null,
    };
}
