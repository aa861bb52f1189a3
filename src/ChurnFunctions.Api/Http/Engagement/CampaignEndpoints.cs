using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Engagement;

/// <summary>POST/GET /api/campaigns and GET /api/campaigns/{id} (x-api-key): definitions in <see cref="CampaignJson"/>'s shape.</summary>
public sealed class CampaignEndpoints(ICampaignDefinitionStore store, ApiKeyGate gate)
{
    private const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> SaveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        CampaignDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<CampaignDefinition>(body.Value.Span, CampaignJson.Options);
        }
        catch (JsonException ex)
        {
            return Problems.Validation(new Dictionary<string, string[]> { [ex.Path ?? "$"] = [JsonProblem(ex)] });
        }

        if (definition is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["Send a campaign definition as a JSON object."] });
        }

        if (CampaignDefinitionValidator.Validate(definition) is { } errors)
        {
            return Problems.Validation(errors);
        }

        await store.SaveAsync(definition, cancellationToken);
        return new ResultWithHeader(
            TypedResults.Json(definition, CampaignJson.Options, statusCode: StatusCodes.Status201Created), "Location", $"/api/campaigns/{definition.Id}");
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return TypedResults.Json(await store.ListAsync(cancellationToken), CampaignJson.Options);
    }

    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return await store.GetAsync(id, cancellationToken) is { } definition
            ? TypedResults.Json(definition, CampaignJson.Options)
            : Problems.NotFound($"No campaign '{id}'.");
    }

    // The message of a required-property or type error is safe to show (it names fields, not values); others are generic.
    // Either way, a field with named choices (a "type" discriminator, a condition, a channel) lists them.
    private static string JsonProblem(JsonException ex)
    {
        var message = ex.Message.StartsWith("JSON deserialization for type", StringComparison.Ordinal) || ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? ex.Message
            : "Not valid JSON for a campaign definition.";
        return CampaignChoices.For(ex.Path) is { } choices ? $"{message} Valid choices: {CampaignChoices.Describe(choices)}." : message;
    }
}
