using Microsoft.Identity.Client;

namespace LhlBot.Protocol;

/// <summary>
/// Lets MSAL use a named client from IHttpClientFactory, so handler lifetime is pooled as everywhere else
/// and a host can configure the client (proxy, or in tests a handler that trusts a loopback certificate).
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "LhlBot.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
