using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Functions.Tests.Durable.Hosting;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> method as a Durable Task orchestrator. Its input is kept as JSON and read as the
/// type the function asks <c>GetInput&lt;T&gt;()</c> for, as the Functions worker does; the declaring class comes from the
/// app's service provider.
/// </summary>
internal sealed class FunctionOrchestrator(MethodInfo method, IServiceProvider appServices) : ITaskOrchestrator
{
    private readonly ParameterInfo[] parameters = method.GetParameters();

    public Type InputType => typeof(JsonElement);

    public Type OutputType => FunctionInvoker.ResultType(method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var typed = new JsonInputOrchestrationContext(context, input is JsonElement json ? json : null);
        var arguments = parameters.Select(p =>
            p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null ? (object)typed
            : throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name}: parameter {p.Name} of type {p.ParameterType.Name} has no binding here."))
            .ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(appServices, method.DeclaringType!);
        return FunctionInvoker.InvokeAsync(method, target, arguments);
    }
}
