using System.Net;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Blobs;

/// <summary>The account's blob service as a whole: which containers exist (List Containers, following markers).</summary>
public sealed class BlobServiceClient
{
    private readonly StorageHttp _http;
    private readonly Uri _endpoint;

    internal BlobServiceClient(StorageHttp http)
    {
        _http = http;
        _endpoint = http.Connection.GetEndpoint(StorageService.Blob);
    }

    public async IAsyncEnumerable<string> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var uri = new Uri($"{_endpoint}/?comp=list&maxresults=1000" + (marker is null ? string.Empty : "&marker=" + Uri.EscapeDataString(marker)));
            var request = new StorageRequest(StorageService.Blob, HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
            }

            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            foreach (var container in document.Descendants("Container"))
            {
                if (container.Element("Name")?.Value is { Length: > 0 } name)
                {
                    yield return name;
                }
            }

            marker = document.Root?.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
