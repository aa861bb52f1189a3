using System.Net.Http.Headers;
using ChurnFunctions.Storage.Connection;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class SharedKeySignerTests
{
    private static readonly byte[] DevKey = Convert.FromBase64String(StorageConnection.DevelopmentAccountKey);

    [Fact]
    public void Table_request_signs_verb_date_and_account_prefixed_path()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/customers(PartitionKey='a',RowKey='b')");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Mon, 01 Jan 2024 00:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2025-01-05");

        var stringToSign = SharedKeySigner.TableStringToSign(request, "devstoreaccount1");
        var signature = SharedKeySigner.SignTable(request, "devstoreaccount1", DevKey);

        Assert.Equal("GET\n\n\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/customers(PartitionKey='a',RowKey='b')", stringToSign);
        // python3 -c "import hmac,hashlib,base64; k=base64.b64decode('Eby8...GMGw=='); s=\"GET\n\n\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/customers(PartitionKey='a',RowKey='b')\"; print(base64.b64encode(hmac.new(k,s.encode(),hashlib.sha256).digest()).decode())"
        Assert.Equal("6NLbd5vDLROyHgAJSU9tMnes2sVHNio4rSUbMvnDRzo=", signature);
    }

    [Fact]
    public void Queue_request_signs_length_type_ms_headers_and_sorted_query()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:10001/devstoreaccount1/q/messages?visibilitytimeout=5&messagettl=-1")
        {
            Content = new ByteArrayContent(new byte[10]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/xml");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2025-01-05");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Mon, 01 Jan 2024 00:00:00 GMT");

        var stringToSign = SharedKeySigner.BlobOrQueueStringToSign(request, "devstoreaccount1");
        var signature = SharedKeySigner.SignBlobOrQueue(request, "devstoreaccount1", DevKey);

        Assert.Equal(
            "POST\n\n\n10\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2025-01-05\n" +
            "/devstoreaccount1/devstoreaccount1/q/messages\nmessagettl:-1\nvisibilitytimeout:5",
            stringToSign);
        // Same python one-liner over this string to sign.
        Assert.Equal("F74YQWQzNmGep8Wvg6CllY/ptcUg8aVfhz9n9XeKoe4=", signature);
    }

    [Fact]
    public void Table_resource_keeps_comp_and_drops_other_query_parameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://x.table.core.windows.net/t()?$filter=a&comp=acl");
        request.Headers.TryAddWithoutValidation("x-ms-date", "d");

        Assert.EndsWith("\n/x/t()?comp=acl", SharedKeySigner.TableStringToSign(request, "x"));
    }

    [Fact]
    public void Empty_content_signs_an_empty_length()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://h/a/q") { Content = new ByteArrayContent([]) };

        Assert.StartsWith("PUT\n\n\n\n", SharedKeySigner.BlobOrQueueStringToSign(request, "a"));
    }
}
