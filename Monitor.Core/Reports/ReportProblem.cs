namespace Monitor.Core.Reports;

/// <summary>Why a report operation was refused; each maps to one HTTP status.</summary>
public enum ReportProblem
{
    None,

    /// <summary>Fields are missing or out of bounds (<see cref="ReportResult.Errors"/> names them).</summary>
    Invalid,
    NotFound,

    /// <summary>The report's profile or group is gone.</summary>
    SubjectGone,

    /// <summary>The report was built and stored, but the email was not delivered (<see cref="ReportResult.Message"/> says why).</summary>
    SendFailed,
}
