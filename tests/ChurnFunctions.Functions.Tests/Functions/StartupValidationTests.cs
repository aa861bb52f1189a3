using ChurnFunctions.Testing;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// The Functions app's registration (Program.cs's AddChurnFunctions) refuses a bad setting when the host validates
/// its options on start, naming the setting; blanks from a deployed template are unset; array-form keys work.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    private const string ArrayKey = "pos-array-key-5b0c3e8a";

    public static TheoryData<string, string> BadSettings()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (settings, named) in SettingCases.Bad)
        {
            cases.Add(settings, named);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Start_stops_on_a_bad_setting_naming_it(string settings, string named)
    {
        // FunctionApp.Create runs IStartupValidator as the host does on start.
        var failure = Record.Exception(() => FunctionApp.Create(azurite.ConnectionString, settings: SettingCases.Parse(settings)));

        Assert.NotNull(failure);
        Assert.Contains(named, SettingCases.Describe(failure));
    }

    [Fact]
    public async Task Start_takes_the_blanks_a_deployed_template_leaves_as_unset()
    {
        await using var app = FunctionApp.Create(azurite.ConnectionString, settings: SettingCases.DeployedBlanks);

        // No keys configured: keyed routes refuse (fail closed) rather than fail.
        Assert.Equal(401, (await app.InvokeHttpAsync("GetOutbox", FunctionRequest.Read(Triggers.OutboxRoute))).Status);
    }

    [Fact]
    public async Task Keys_in_the_array_form_open_their_routes()
    {
        await using var app = FunctionApp.Create(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Api:Keys"] = null, ["Api:Keys:0"] = "pos-other-key-0123456789", ["Api:Keys:1"] = ArrayKey });
        var withArrayKey = FunctionRequest.Read(Triggers.OutboxRoute) with { Headers = new Dictionary<string, string> { ["x-api-key"] = ArrayKey } };

        Assert.Equal(200, (await app.InvokeHttpAsync("GetOutbox", withArrayKey)).Status);
        Assert.Equal(401, (await app.InvokeHttpAsync("GetOutbox", FunctionRequest.Read(Triggers.OutboxRoute) with { Headers = new Dictionary<string, string>() })).Status);
    }
}
