namespace Tripmate.Gateway.Tests.Infrastructure;

public sealed record ServicesHealthDto(List<ServicesHealthDto.Service> Services)
{
    public sealed record Service(string Name, int Available, List<Instance> Instances);

    public sealed record Instance(string Name, string Active, string Passive, bool Available);

    public Service this[string name] => Services.Single(service => service.Name == name);
}
