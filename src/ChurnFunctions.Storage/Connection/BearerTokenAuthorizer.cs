using System.Runtime.CompilerServices;
using Azure.Core;

namespace ChurnFunctions.Storage.Connection;

/// <summary>Microsoft Entra ID tokens for https://storage.azure.com, cached until shortly before they expire.</summary>
internal sealed class BearerTokenAuthorizer(TokenCredential credential, TimeProvider timeProvider) : StorageAuthorizer
{
    private static readonly TokenRequestContext Scope = new(["https://storage.azure.com/.default"]);
    // A class holder, swapped whole, so no thread reads a half-written AccessToken struct.
    private volatile StrongBox<AccessToken>? _token;

    public override async ValueTask AuthorizeAsync(HttpRequestMessage request, StorageService service, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        // A race refreshes twice at worst; Azure.Identity caches tokens underneath.
        var current = _token;
        if (current is null || !IsFresh(current.Value))
        {
            current = new StrongBox<AccessToken>(await credential.GetTokenAsync(Scope, cancellationToken).ConfigureAwait(false));
            _token = current;
        }

        return current.Value.Token;
    }

    private bool IsFresh(AccessToken token)
    {
        if (token.Token is null)
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        var refreshAt = token.RefreshOn ?? token.ExpiresOn - TimeSpan.FromMinutes(5);
        return now < refreshAt;
    }
}
