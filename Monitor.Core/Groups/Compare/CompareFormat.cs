namespace Monitor.Core.Groups.Compare;

/// <summary>How a column's figure is shown: a whole count, a figure with one decimal, or a rate shown as a percentage.</summary>
public enum CompareFormat
{
    Count,
    OneDecimal,
    Rate,
}
