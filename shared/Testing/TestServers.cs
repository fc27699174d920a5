namespace Tripmate.Testing;

/// <summary>
/// Addresses of the real servers that <c>./dev test</c> starts and exports. Tests never start
/// servers themselves: there is one way to start them, and it is the dev script.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("TRIPMATE_TEST_POSTGRES");

    public static string RabbitMq => Required("TRIPMATE_TEST_RABBITMQ");

    public static string Redis => Required("TRIPMATE_TEST_REDIS");

    public static string S3 => Required("TRIPMATE_TEST_S3");

    public static string NodeTools => Required("TRIPMATE_NODE_TOOLS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with `./dev test`, which starts the servers and sets it.");
}
