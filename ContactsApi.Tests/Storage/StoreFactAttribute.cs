using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// A fact of the store contract. It runs in every class that inherits it, except a class marked
/// <see cref="NeedsEnvironmentAttribute"/> whose variable is unset: there it is reported skipped,
/// with the reason, rather than silently passing.
/// </summary>
[XunitTestCaseDiscoverer("ContactsApi.Tests.Storage.StoreFactDiscoverer", "ContactsApi.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The test class needs this environment variable (e.g. a connection string) to run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;
    public string Reason { get; } = reason;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : FactDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needs = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsEnvironmentAttribute)).FirstOrDefault();
        if (needs is not null)
        {
            var args = needs.GetConstructorArguments().Cast<string>().ToArray();
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(args[0])))
                return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(),
                    options.MethodDisplayOptionsOrDefault(), testMethod, args[1])];
        }
        return base.Discover(options, testMethod, factAttribute);
    }
}
