using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Tables;

/// <summary>The account's table service as a whole: which tables exist (Query Tables, following NextTableName).</summary>
public sealed class TableServiceClient
{
    private readonly StorageHttp _http;
    private readonly Uri _endpoint;

    internal TableServiceClient(StorageHttp http)
    {
        _http = http;
        _endpoint = http.Connection.GetEndpoint(StorageService.Table);
    }

    public async IAsyncEnumerable<string> ListTablesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            var uri = new Uri($"{_endpoint}/Tables" + (next is null ? string.Empty : "?NextTableName=" + Uri.EscapeDataString(next)));
            var request = new StorageRequest(StorageService.Table, HttpMethod.Get, uri)
            {
                Headers =
                [
                    new("Accept", TableClient.JsonNoMetadata),
                    new("DataServiceVersion", "3.0"),
                    new("MaxDataServiceVersion", "3.0;NetFx"),
                ],
            };
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var table in document.RootElement.GetProperty("value").EnumerateArray())
            {
                if (table.GetProperty("TableName").GetString() is { } name)
                {
                    yield return name;
                }
            }

            next = response.Headers.TryGetValues("x-ms-continuation-NextTableName", out var values) ? values.FirstOrDefault() : null;
        }
        while (next is not null);
    }
}
