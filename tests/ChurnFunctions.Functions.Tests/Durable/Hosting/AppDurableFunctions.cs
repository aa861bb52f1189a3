using System.Reflection;
using ChurnFunctions.Functions.Campaigns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ChurnFunctions.Functions.Tests.Durable.Hosting;

/// <summary>
/// The app's Durable functions, found the way the Functions host finds them: every <c>[Function]</c> method whose
/// parameter carries <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c>. Each is registered under its function
/// name, its declaring class created from the app's own service provider for every run, so a new activity in the app
/// runs here without a change to the tests.
/// </summary>
public static class AppDurableFunctions
{
    public static readonly Assembly App = typeof(CampaignOrchestrator).Assembly;

    public static IReadOnlyList<DurableFunction> All { get; } = Discover();

    public static void Register(DurableTaskRegistry registry, IServiceProvider appServices)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var function in All)
        {
            if (function.IsOrchestrator)
            {
                registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function.Method, appServices));
            }
            else
            {
                registry.AddActivity(function.Name, _ => new FunctionActivity(function.Method, appServices));
            }
        }
    }

    private static List<DurableFunction> Discover()
    {
        var found = new List<DurableFunction>();
        foreach (var type in App.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
                {
                    found.Add(new DurableFunction(function.Name, method, IsOrchestrator: true));
                }
                else if (parameters.Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
                {
                    found.Add(new DurableFunction(function.Name, method, IsOrchestrator: false));
                }
            }
        }

        return found;
    }
}

public sealed record DurableFunction(string Name, MethodInfo Method, bool IsOrchestrator);
