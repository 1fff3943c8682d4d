// Uploads per second of a 1 MP JPEG through PATCH /api/users/avatars, in-process (the real
// pipeline: auth, multipart, libvips resize through NetVips, file write, SQLite update), median of several rounds.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NetVips;

static class AvatarsBench
{
    public static async Task Main(string[] args)
    {
        var rounds = Argument(args, "--rounds", 5);
        var perRound = Argument(args, "--uploads", 40);
        var concurrency = Argument(args, "--concurrency", Environment.ProcessorCount * 2);

        using var factory = new BenchFactory();
        var clients = new HttpClient[concurrency];
        for (var i = 0; i < concurrency; i++) clients[i] = await LoggedInAsync(factory);
        // The service has loaded and set up libvips by now; the JPEG is made with the same library.
        var jpeg = Jpeg.OneMegapixel();
        Console.WriteLine($"1 MP JPEG: {jpeg.Length / 1024} KB; {rounds} rounds of {perRound} uploads, {concurrency} at a time, {Environment.ProcessorCount} cores{LoadAverage()}");

        await RoundAsync(clients, jpeg, concurrency); // warm-up
        var rates = new List<double>();
        for (var r = 1; r <= rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            await RoundAsync(clients, jpeg, perRound);
            rates.Add(perRound / watch.Elapsed.TotalSeconds);
            Console.WriteLine($"round {r}: {rates[^1]:0.0} uploads/s");
        }
        rates.Sort();
        Console.WriteLine($"median: {rates[rates.Count / 2]:0.0} uploads/s{LoadAverage()}");
    }

    // A shared machine's load changes the figure a lot; print it beside the result.
    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $" (load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))})" : "";

    static async Task RoundAsync(HttpClient[] clients, byte[] jpeg, int uploads)
    {
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            while (Interlocked.Increment(ref next) < uploads)
            {
                var part = new ByteArrayContent(jpeg);
                part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                var response = await client.PatchAsync("/api/users/avatars", new MultipartFormDataContent { { part, "avatar", "photo.jpg" } });
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }));
    }

    static async Task<HttpClient> LoggedInAsync(BenchFactory factory)
    {
        var client = factory.CreateClient();
        var credentials = new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "exA7$mpless" };
        (await client.PostAsJsonAsync("/api/users/register", credentials)).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/users/login", credentials)).Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!["token"]!.GetValue<string>());
        return client;
    }

    static int Argument(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }
}

sealed class BenchFactory : WebApplicationFactory<Program>
{
    private readonly string _data = Directory.CreateTempSubdirectory("avatars-bench-data-").FullName;
    private readonly string _uploads = Directory.CreateTempSubdirectory("avatars-bench-uploads-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseSetting("Storage:DataFolder", _data);
        builder.UseSetting("Avatars:UploadFolder", _uploads);
        // Each client is one user uploading back to back: the per-user limit would measure itself.
        builder.UseSetting("Avatars:UploadRate:PermitLimit", "1000000");
        builder.UseSetting("Jwt:SigningKey", "bench-signing-key-of-at-least-32-bytes!!");
        builder.UseSetting("Passwords:Iterations", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // TestServer has no request size feature; its warning on every upload says nothing about the bench.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var folder in new[] { _data, _uploads })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

static class Jpeg
{
    /// <summary>1224×817 (1.0 MP) of smooth gradients with some texture, at quality 90, like a phone photo scaled down.</summary>
    public static byte[] OneMegapixel()
    {
        const int width = 1224, height = 817;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                pixels[i] = (byte)(x * 255 / width);
                pixels[i + 1] = (byte)(y * 255 / height);
                pixels[i + 2] = (byte)((x * 7 + y * 13) % 256);
            }
        using var image = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 90);
    }
}
