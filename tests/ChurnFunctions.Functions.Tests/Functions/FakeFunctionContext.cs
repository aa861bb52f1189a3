using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>A FunctionContext as the worker passes it to middleware: a name, an invocation id, services, items.</summary>
internal static class FakeFunctionContext
{
    /// <summary>
    /// The worker's ASP.NET Core integration keeps the invocation's HttpContext in <c>Items["HttpRequestContext"]</c>,
    /// where <c>GetHttpContext()</c> reads it (the key is a string constant in
    /// Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore).
    /// </summary>
    public const string HttpContextKey = "HttpRequestContext";

    public static FunctionContext Create(string functionName, IServiceProvider services, HttpContext? http = null, CancellationToken cancellationToken = default)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var items = new Dictionary<object, object>();
        if (http is not null)
        {
            items[HttpContextKey] = http;
        }

        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        context.SetupGet(c => c.InstanceServices).Returns(services);
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.CancellationToken).Returns(cancellationToken);
        return context.Object;
    }
}
