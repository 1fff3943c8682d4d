namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// A test that drives external programs (<see cref="ExternalTools"/>). Where one is missing the test
/// is skipped, with the reason and the install command, so a developer without it still gets a clean
/// run; under CI (<c>CI=true</c>) it is never skipped: a missing tool fails the test, so CI can't go
/// green by not running it.
/// </summary>
public sealed class NeedsToolFactAttribute : FactAttribute
{
    public NeedsToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => !ExternalTools.IsInstalled(t)).ToArray();
        if (missing.Length > 0 && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = string.Join("; ", missing.Select(t => $"{t} is not installed ({ExternalTools.PathOf(t)}): `{ExternalTools.InstallHint(t)}` to run this test"));
    }
}
