using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Common;

/// <summary>
/// Free text a person reads (names, labels) can't hide or reorder what they see: control characters
/// and bidirectional overrides and isolates are refused in every such field of every request.
/// </summary>
public sealed class TextFieldTests(BodyEndpointsFactory factory) : IClassFixture<BodyEndpointsFactory>
{
    private static readonly string[] Hidden =
        ["\u0000", "\u0007", "\u001b[31m", "\t", "\n", "\u007f", "\u0085", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in BodyEndpoint.All)
            foreach (var field in endpoint.Texts)
                foreach (var hidden in Hidden)
                    data.Add(endpoint.ToString(), field, $"U+{(int)hidden[0]:X4}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_text_field_refuses_control_and_bidirectional_override_characters_naming_the_field(string endpoint, string field, string character)
    {
        var target = BodyEndpoint.Named(endpoint);
        var hidden = Hidden.Single(h => $"U+{(int)h[0]:X4}" == character);
        var (client, url) = await factory.TargetAsync(target);
        var before = await factory.EverythingAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url)
        {
            Content = new StringContent(target.With(field, $"Inv{hidden}oice"), Encoding.UTF8, "application/json"),
        });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"\"{field}\" must not contain control or bidirectional override characters");
        Assert.Equal(before, await factory.EverythingAsync());
    }

    [Fact]
    public async Task Text_in_any_script_with_marks_and_joiners_is_kept_as_given()
    {
        // Combining accents, a right-to-left mark (not an override), zero-width joiners in an emoji.
        const string name = "Żółć Ли 李 مرحبا\u200f e\u0301 👩\u200d👩\u200d👧";
        var client = await factory.LoggedInClientAsync();

        var created = await client.CreateContactAsync(new { name, email = "world@example.com", phones = new[] { new { number = "123", label = "домашній" } } });

        Assert.Equal(name, created.Str("name"));
        Assert.Equal("домашній", created.Phones()[0]!.Str("label"));
        Assert.Equal(name, (await client.GetContactAsync(created.Id())).Str("name"));
    }
}
