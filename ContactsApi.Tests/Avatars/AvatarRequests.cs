using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

public static class AvatarRequests
{
    public const string Url = "/api/users/avatars";

    /// <summary>PATCHes a multipart body with the file in field <paramref name="field"/>.</summary>
    public static Task<HttpResponseMessage> UploadAvatarAsync(this HttpClient client, byte[] file,
        string fileName = "avatar.bin", string field = "avatar", string contentType = "application/octet-stream")
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PatchAsync(Url, new MultipartFormDataContent { { part, field, fileName } });
    }

    /// <summary>PATCHes a multipart body whose <c>avatar</c> part is <paramref name="file"/>, sent as that content sends it.</summary>
    public static Task<HttpResponseMessage> UploadAvatarAsync(this HttpClient client, HttpContent file)
    {
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        return client.PatchAsync(Url, new MultipartFormDataContent { { file, "avatar", "avatar.png" } });
    }

    /// <summary>A multipart body written byte by byte, so a file name reaches the server exactly as given (NUL bytes included).</summary>
    public static Task<HttpResponseMessage> UploadWithRawFileNameAsync(this HttpClient client, byte[] file, string fileName)
    {
        const string boundary = "avatar-boundary-7d1f";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"{fileName}\"\r\nContent-Type: image/png\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var body = new ByteArrayContent([.. head, .. file, .. tail]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return client.PatchAsync(Url, body);
    }

    /// <summary>Asserts a 200 with only avatarURL, a URL the service made, and returns it.</summary>
    public static async Task<string> AssertAvatarUrlAsync(this HttpResponseMessage response)
    {
        var body = (await response.AssertJsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Single(body);
        var url = body["avatarURL"]!.GetValue<string>();
        Assert.Matches("^/avatars/[0-9a-f]{24}-[0-9a-f]{32}\\.png$", url);
        return url;
    }

    /// <summary>Fetches the avatar over HTTP as a browser would and decodes it.</summary>
    public static async Task<DecodedImage> FetchAvatarAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        return TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<string> CurrentAvatarUrlAsync(this HttpClient client)
    {
        var current = await (await client.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        return current["avatarURL"]!.GetValue<string>();
    }
}
