using System.Net;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Avatars;

/// <summary>A decode budget of 64 MB: room for a 3000×2000 PNG (18 MB of pixels), not for a 5000×5000 one (75 MB).</summary>
public sealed class SmallDecodeBudgetFactory : ContactsApiFactory
{
    public SmallDecodeBudgetFactory() => Settings["Avatars:DecodeMemoryMB"] = "64";

    public DecodeMemory Budget => Services.GetRequiredService<DecodeMemory>();
}

public sealed class DecodeBudgetTests(SmallDecodeBudgetFactory factory) : IClassFixture<SmallDecodeBudgetFactory>
{
    private const long MB = 1024 * 1024;

    [Fact]
    public async Task A_decode_waits_while_the_budget_is_taken_and_runs_once_it_is_free()
    {
        var client = await factory.LoggedInClientAsync();
        var photo = TestImages.Solid(Rgb.Green, ".png", 3000, 2000);
        // Decodes running elsewhere hold all but 10 MB of the budget; this one is charged about 19 MB.
        var held = await factory.Budget.ReserveAsync(factory.Budget.BudgetBytes - 10 * MB, default);

        var upload = client.UploadAvatarAsync(photo);
        await Eventually.TrueAsync(() => factory.Budget.Waiting == 1, "the upload waits for the budget");
        Assert.False(upload.IsCompleted);
        held.Dispose();

        var served = await client.FetchAvatarAsync(await (await upload).AssertAvatarUrlAsync());
        Assert.True(served.At(125, 125).IsNear(Rgb.Green), $"centre is {served.At(125, 125)}");
        Assert.Equal(0, factory.Budget.Waiting);
    }

    [Fact]
    public async Task Waiting_decodes_run_in_the_order_they_came()
    {
        var first = await factory.LoggedInClientAsync();
        var second = await factory.LoggedInClientAsync();
        var held = await factory.Budget.ReserveAsync(factory.Budget.BudgetBytes - 5 * MB, default);

        var large = first.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png", 4000, 3000));
        await Eventually.TrueAsync(() => factory.Budget.Waiting == 1, "the large upload waits");
        var small = second.UploadAvatarAsync(TestImages.Solid(Rgb.Blue, ".png", 200, 200));
        // The small one (about 1 MB) would fit in the 5 MB still free, but doesn't overtake the large
        // one: a stream of small uploads can't starve a large one.
        await Eventually.TrueAsync(() => factory.Budget.Waiting == 2, "the small upload waits behind it");
        held.Dispose();

        await (await large).AssertAvatarUrlAsync();
        await (await small).AssertAvatarUrlAsync();
    }

    [Fact]
    public async Task A_decode_costing_more_than_the_whole_budget_is_refused_before_it_runs()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png", 5000, 5000));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "The image is too large: decoding it takes 73 MB, at most 64 MB");
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
    }

    [Theory]
    [InlineData(7000, 7000, 3, 1, true, 2 * 147_000_000L)]
    [InlineData(7000, 7000, 3, 1, false, 147_000_000L)]
    [InlineData(5000, 10000, 4, 2, true, 2 * 400_000_000L)]
    public void A_decode_is_charged_its_pixels_twice_when_interlaced_plus_the_file_and_the_resize(
        int width, int height, int bands, int bytesPerBand, bool interlaced, long pixels)
    {
        var cost = DecodeMemory.CostOf(new ImageHeader(width, height, bands, bytesPerBand, interlaced), fileBytes: 575_000);

        Assert.Equal(pixels + 575_000 + 250 * 250 * 4 * 4, cost);
    }
}
