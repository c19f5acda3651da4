using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Monitor.Core.Reports;
using Monitor.Web.Components.Feedback;
using Monitor.Web.Security;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Reports;

public sealed partial class ReportsPage
{
    private IReadOnlyList<ReportView>? _reports;
    private readonly Dictionary<Guid, IReadOnlyList<SentReportView>> _sent = [];
    private ReportChoices? _choices;
    private ReportFormModel? _form;
    private bool _canManage;
    private bool _sending;

    [Inject] private ReportService Reports { get; set; } = default!;
    [Inject] private IOptions<ReportOptions> Options { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private CircuitAccess Access { get; set; } = default!;

    private int KeepDays => Options.Value.KeepDays;

    protected override async Task OnInitializedAsync()
    {
        _canManage = await Access.CanEditAsync();
        await Snackbar.TryAsync("Could not load the reports", async () => _reports = await Reports.ListAsync(CancellationToken.None));
        _reports ??= [];
    }

    private Task<bool> NewAsync() => Snackbar.TryAsync("Could not open the form", async () =>
    {
        _choices = await Reports.ChoicesAsync(CancellationToken.None);
        _form = new ReportFormModel();
    });

    private Task<bool> EditAsync(ReportView report) => Snackbar.TryAsync("Could not open the form", async () =>
    {
        _choices = await Reports.ChoicesAsync(CancellationToken.None);
        _form = ReportFormModel.From(report);
    });

    private Task<bool> SaveAsync() => Snackbar.TryAsync("Could not save the report", async () =>
    {
        await Access.DemandEditorAsync();
        var form = _form!;
        var result = form.Id is { } id
            ? await Reports.UpdateAsync(id, form.ToInput(), CancellationToken.None)
            : await Reports.CreateAsync(form.ToInput(), CancellationToken.None);
        form.Errors = result.Errors ?? new Dictionary<string, string[]>();
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Message!, Severity.Warning);
            return;
        }

        Snackbar.Add($"Saved {result.Report!.Name}.", Severity.Success);
        _form = null;
        _reports = await Reports.ListAsync(CancellationToken.None);
    });

    private Task<bool> SendNowAsync(ReportView report) => Snackbar.TryAsync($"Could not send {report.Name}", async () =>
    {
        await Access.DemandEditorAsync();
        _sending = true;
        try
        {
            var result = await Reports.SendNowAsync(report.Id, CancellationToken.None);
            Snackbar.Add(result.Succeeded ? $"Sent {report.Name} for {result.Sent!.Period}." : result.Message!,
                result.Succeeded ? Severity.Success : Severity.Warning);
            _sent[report.Id] = await Reports.ListSentAsync(report.Id, CancellationToken.None) ?? [];
        }
        finally
        {
            _sending = false;
        }
    });

    private Task<bool> ToggleSentAsync(ReportView report) => Snackbar.TryAsync("Could not load the sent reports", async () =>
    {
        if (!_sent.Remove(report.Id))
        {
            _sent[report.Id] = await Reports.ListSentAsync(report.Id, CancellationToken.None) ?? [];
        }
    });

    private Task<bool> DeleteAsync(ReportView report) => Snackbar.TryAsync($"Could not delete {report.Name}", async () =>
    {
        await Access.DemandEditorAsync();
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Delete the report {report.Name}?",
            "Its stored PDFs go with it.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Access.DemandEditorAsync();
        await Reports.DeleteAsync(report.Id, CancellationToken.None);
        Snackbar.Add($"Deleted {report.Name}.", Severity.Success);
        _reports = await Reports.ListAsync(CancellationToken.None);
    });
}
