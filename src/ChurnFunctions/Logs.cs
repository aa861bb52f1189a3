using Microsoft.Extensions.Logging;

namespace ChurnFunctions;

internal static partial class Logs
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Error, Message = "HTTP function {FunctionName} failed in invocation {InvocationId} with {ExceptionTypes}; answered 500 problem+json. {StackTrace}")]
    public static partial void HttpFunctionFailed(this ILogger logger, string functionName, string invocationId, string exceptionTypes, string stackTrace);
}
