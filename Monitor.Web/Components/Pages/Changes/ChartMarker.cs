namespace Monitor.Web.Components.Pages.Changes;

/// <summary>A change placed on a chart's line: its local time, the line's value there, its tooltip and colour.</summary>
public sealed record ChartMarker(string Kind, string Title, DateTime LocalAt, double Value, string Colour);
