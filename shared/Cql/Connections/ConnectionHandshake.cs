using System.Text;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Connections;

/// <summary>STARTUP, then SASL PLAIN if the server asks for it, then USE keyspace (spec 4.1.1, 4.1.2, 4.2.3).</summary>
internal static class ConnectionHandshake
{
    public static async Task RunAsync(CqlConnection connection, CancellationToken cancellationToken)
    {
        var timeout = connection.SettingsForHandshake.ConnectTimeout;
        var response = await connection.SendAsync(
            (frame, id) => RequestWriter.WriteStartup(frame, id, StartupOptions.Default), null, timeout, cancellationToken).ConfigureAwait(false);

        if (response is AuthenticateMessage authenticate)
            response = await AuthenticateAsync(connection, authenticate.Authenticator, timeout, cancellationToken).ConfigureAwait(false);

        switch (response)
        {
            case ReadyMessage or AuthSuccessMessage:
                break;
            case ErrorMessage error:
                throw error.Error;
            default:
                throw new CqlResponseFormatException($"Unexpected {response.GetType().Name} during connection startup.");
        }

        if (connection.SettingsForHandshake.Keyspace is { } keyspace)
        {
            var use = await connection.SendAsync(
                (frame, id) => RequestWriter.WriteQuery(frame, id, $"USE \"{keyspace.Replace("\"", "\"\"")}\"", null, new QueryParameters(Consistency.One)),
                null, timeout, cancellationToken).ConfigureAwait(false);
            if (use is ErrorMessage useError) throw useError.Error;
        }
    }

    private static async Task<ResponseMessage> AuthenticateAsync(CqlConnection connection, string authenticator, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var credentials = connection.SettingsForHandshake.Credentials
            ?? throw new AuthenticationErrorException($"The server requires authentication ({authenticator}) but no credentials are configured.");
        var token = PlainToken(credentials);
        var response = await connection.SendAsync(
            (frame, id) => RequestWriter.WriteAuthResponse(frame, id, token), null, timeout, cancellationToken).ConfigureAwait(false);
        // SASL PLAIN completes in one round; a challenge means an authenticator this client does not speak.
        if (response is AuthChallengeMessage)
            throw new AuthenticationErrorException($"Authenticator {authenticator} sent a challenge; only SASL PLAIN (PasswordAuthenticator) is supported.");
        return response;
    }

    /// <summary>SASL PLAIN initial response: authzid (empty), NUL, username, NUL, password.</summary>
    public static byte[] PlainToken(CqlCredentials credentials)
    {
        var user = Encoding.UTF8.GetBytes(credentials.Username);
        var password = Encoding.UTF8.GetBytes(credentials.Password);
        var token = new byte[2 + user.Length + password.Length];
        user.CopyTo(token, 1);
        password.CopyTo(token, 2 + user.Length);
        return token;
    }
}
