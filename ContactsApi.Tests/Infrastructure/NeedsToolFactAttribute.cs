namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// A test that drives an external program (<see cref="ExternalTools"/>). Where the program is missing
/// it is skipped, with the reason and the install command, so a developer without it still gets a
/// clean run; under CI (<c>CI=true</c>) it is never skipped: a missing tool fails the test, so CI
/// can't go green by not running it.
/// </summary>
public sealed class NeedsToolFactAttribute : FactAttribute
{
    public NeedsToolFactAttribute(string tool)
    {
        if (!ExternalTools.IsInstalled(tool) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{tool} is not installed ({ExternalTools.PathOf(tool)}): `{ExternalTools.InstallHint(tool)}` to run this test";
    }
}
