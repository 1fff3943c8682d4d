using System.Diagnostics;
using System.Net;
using ContactsApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactsApi.Tests.Avatars;

/// <summary>Runs alone, after the parallel tests, so no other test's memory shows up in the measurement.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}

[Collection(MemoryMeasurement.Name)]
public sealed class DecompressionBombMemoryTests(ContactsApiFactory factory, ITestOutputHelper output) : IClassFixture<ContactsApiFactory>
{
    private const long Limit = 200L * 1024 * 1024;

    [Fact]
    public async Task Refusing_the_bomb_takes_less_than_200_MB_more_memory()
    {
        var client = await factory.LoggedInClientAsync();
        var bomb = TestImages.DecompressionBombPng();
        // Warm the endpoint with an ordinary upload, so the measurement is the bomb's alone.
        await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png"))).AssertAvatarUrlAsync();
        var process = Process.GetCurrentProcess();
        var peakWasReset = ResetPeak();
        process.Refresh();
        var before = peakWasReset ? process.WorkingSet64 : process.PeakWorkingSet64;

        var response = await client.UploadAvatarAsync(bomb, "small.png");

        process.Refresh();
        var growth = process.PeakWorkingSet64 - before;
        output.WriteLine($"Peak working set grew by {growth / 1024.0:0} KB while refusing a 30000×30000 PNG header ({bomb.Length} bytes); peak reset: {peakWasReset}");
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "The image is too large: at most 50000000 pixels");
        Assert.True(growth < Limit, $"peak grew by {growth / 1024 / 1024} MB");
    }

    // Linux lets a process reset its peak resident size (VmHWM) by writing 5 to clear_refs.
    internal static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>A decode budget of 400 MB: room for one 7000×7000 progressive JPEG (charged 295 MB), not two.</summary>
public sealed class DecodeBudgetMemoryFactory : ContactsApiFactory
{
    public const long BudgetBytes = 400L * 1024 * 1024;

    public DecodeBudgetMemoryFactory() => Settings["Avatars:DecodeMemoryMB"] = (BudgetBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

[Collection(MemoryMeasurement.Name)]
public sealed class DecodeBudgetMemoryTests(DecodeBudgetMemoryFactory factory, ITestOutputHelper output) : IClassFixture<DecodeBudgetMemoryFactory>
{
    [Fact]
    public async Task Concurrent_uploads_of_costly_images_stay_within_the_decode_budget()
    {
        // A few hundred KB each, about 290 MB to decode: one decode per core would hold two at once here.
        var photo = TestImages.ProgressiveJpeg(7000);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.LoggedInClientAsync()));
        await (await clients[0].UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".jpg"))).AssertAvatarUrlAsync();
        var process = Process.GetCurrentProcess();
        var peakWasReset = DecompressionBombMemoryTests.ResetPeak();
        process.Refresh();
        var before = peakWasReset ? process.WorkingSet64 : process.PeakWorkingSet64;

        var responses = await Task.WhenAll(clients.Select(client => client.UploadAvatarAsync(photo, "photo.jpg", contentType: "image/jpeg")));

        process.Refresh();
        var growth = process.PeakWorkingSet64 - before;
        output.WriteLine($"Peak working set grew by {growth / 1024 / 1024} MB for 4 concurrent {photo.Length / 1024} KB progressive 7000×7000 JPEGs; budget {DecodeBudgetMemoryFactory.BudgetBytes / 1024 / 1024} MB; peak reset: {peakWasReset}");
        foreach (var response in responses) await response.AssertAvatarUrlAsync();
        Assert.True(growth < DecodeBudgetMemoryFactory.BudgetBytes, $"peak grew by {growth / 1024 / 1024} MB");
    }
}
