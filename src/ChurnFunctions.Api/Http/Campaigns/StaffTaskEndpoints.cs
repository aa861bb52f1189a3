using System.Text.Json;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Ingest;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Campaigns;

/// <summary>
/// The staff call list. GET /api/tasks?status=open|closed|all (read key; default open) lists tasks with the
/// customer's contact details; POST /api/tasks/{id}/outcome {"outcome": "reached|not-reached|won-back|do-not-call",
/// "note"} records a call. The outcome takes the read key or the admin key: the staff who phone work from the list the
/// read key shows, and an outcome changes only the task and the customer's do-not-call mark, never customer data.
/// </summary>
public sealed class StaffTaskEndpoints(StaffTaskService tasks, ApiKeyGate gate)
{
    private const int MaxBodyBytes = 16 * 1024;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var text = request.Query["status"].ToString();
        StaffTaskStatus? status = StaffTaskStatus.Open;
        if (string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            status = null;
        }
        else if (text.Length > 0)
        {
            var match = Enum.GetValues<StaffTaskStatus>().Where(s => string.Equals(StaffTaskJson.Name(s), text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["status"] = ["One of: open, closed, all."] });
            }

            status = match[0];
        }

        return TypedResults.Json(await tasks.ListAsync(status, cancellationToken), StaffTaskJson.Options);
    }

    public async Task<IResult> OutcomeAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is not null && gate.Check(request, ApiKeyScope.Admin) is { } denied)
        {
            return denied;
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        OutcomeBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<OutcomeBody>(body.Value.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        var errors = new Dictionary<string, string[]>();
        if (!StaffTaskJson.TryParseOutcome(parsed?.Outcome, out var outcome))
        {
            errors["outcome"] = [$"Required, one of: {string.Join(", ", StaffTaskJson.Names<StaffTaskOutcome>())}."];
        }

        if (parsed?.Note?.Length > StaffTaskService.MaxNoteLength)
        {
            errors["note"] = [$"At most {StaffTaskService.MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await tasks.RecordOutcomeAsync(id, outcome, parsed!.Note, cancellationToken) is { } task
            ? TypedResults.Json(task, StaffTaskJson.Options)
            : Problems.NotFound($"No task '{id}'.");
    }

    private sealed record OutcomeBody(string? Outcome, string? Note);
}
