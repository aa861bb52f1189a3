using System.Text.Json.Nodes;

namespace ChurnFunctions.SendGrid.Tests.Support;

/// <summary>
/// Compares JSON documents as JSON: the same members and values, member order aside. The body is serialized by the
/// SendGrid SDK, whose member order is its own business; what SendGrid reads is the content.
/// </summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected {expectedNode?.ToJsonString()}\nActual   {actualNode?.ToJsonString()}");
    }
}
