using System.CommandLine;
using ChurnFunctions.SelfHost.Commands;

namespace ChurnFunctions.SelfHost.Tests.Commands;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("backtest-command-").FullName;

    [Fact]
    public async Task Rejects_a_bad_campaign_definition_with_the_validators_errors_and_exit_code_2()
    {
        var file = Path.Combine(folder, "winback.json");
        await File.WriteAllTextAsync(file, """
            { "id": "Win Back", "name": "Win back", "trigger": { "type": "purchaseOverdue", "days": 0 }, "holdoutPercent": 100,
              "steps": [ { "type": "sendEmail", "id": "offer", "templateId": "d-1", "templateData": { "code": "{{couponCode}}" } } ] }
            """);
        var (code, error) = await RunAsync(file);

        Assert.Equal(2, code);
        Assert.Contains("winback.json is not a valid campaign definition:", error, StringComparison.Ordinal);
        Assert.Contains("  id: Required: lower-case letters", error, StringComparison.Ordinal);
        Assert.Contains("  trigger.days: Must be 1 to 3650.", error, StringComparison.Ordinal);
        Assert.Contains("  holdoutPercent: Must be at least 0 and less than 100.", error, StringComparison.Ordinal);
        Assert.Contains("  steps[0].templateData.code: {{couponCode}} needs an issueCoupon step", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ChurnFunctions", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task Rejects_a_campaign_file_that_is_not_json_at_its_path_with_exit_code_2()
    {
        var file = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(file, """{ "id": "win-back", "trigger": { "type": "segmentEntered", "segment": 7 } }""");

        var (code, error) = await RunAsync(file);

        Assert.Equal(2, code);
        Assert.Contains("  $.trigger.segment: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at System.", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The definition is checked before the transaction file is read, so no file and no storage are needed.
    private async Task<(int Code, string Error)> RunAsync(string campaign)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BacktestCommand.Create()
            .Parse(["--transactions", Path.Combine(folder, "none.txt"), "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--campaign", campaign, "--out", Path.Combine(folder, "out")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, error.ToString());
    }
}
