namespace Monitor.Web.Endpoints.Bodies;

/// <param name="Text">A property name, or an array index as its decimal text.</param>
internal readonly record struct JsonPathSegment(string Text, bool IsIndex);
