using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Functions.Tests.Durable.Hosting;

/// <summary>
/// An <c>[ActivityTrigger]</c> method as a Durable Task activity: its trigger parameter takes the input, a
/// <see cref="CancellationToken"/> parameter none (the worker gives activities none either), and the declaring class
/// comes from the app's service provider.
/// </summary>
internal sealed class FunctionActivity(MethodInfo method, IServiceProvider appServices) : ITaskActivity
{
    private readonly ParameterInfo[] parameters = method.GetParameters();

    public Type InputType => parameters.Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

    public Type OutputType => FunctionInvoker.ResultType(method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var arguments = parameters.Select(p =>
            p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? input
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.ParameterType == typeof(TaskActivityContext) ? context
            : throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name}: parameter {p.Name} of type {p.ParameterType.Name} has no binding here."))
            .ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(appServices, method.DeclaringType!);
        return FunctionInvoker.InvokeAsync(method, target, arguments);
    }
}
