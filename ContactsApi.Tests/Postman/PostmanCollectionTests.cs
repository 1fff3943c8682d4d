using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Postman;

/// <summary>
/// The Postman collection run by newman (ContactsApi.Tests/node) against the service started as a
/// real process, with an admin made the README's way, and held to cover every operation the
/// service's OpenAPI document declares.
/// </summary>
public sealed partial class PostmanCollectionTests(PostmanCollectionTests.SwaggerFactory factory) : IClassFixture<PostmanCollectionTests.SwaggerFactory>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    [NeedsToolFact(ExternalTools.Newman)]
    public async Task Newman_runs_the_collection_green_against_a_started_service()
    {
        var newman = ExternalTools.Require(ExternalTools.Newman);
        var data = Directory.CreateTempSubdirectory("contactsapi-postman-").FullName;
        var report = Path.Combine(data, "newman-report.json");
        try
        {
            using var service = await ServiceProcess.StartAsync(data);
            var admin = ContactsApiFactory.NewEmail("postman-admin");
            Assert.Equal(HttpStatusCode.Created,
                (await service.Client().PostAsJsonAsync("/api/users/register", new { email = admin, password = ContactsApiFactory.Password })).StatusCode);
            var grant = await RunAsync(Dotnet(data, "admin", "grant", admin));
            Assert.True(grant.Exit == 0, grant.Output);

            var run = await RunAsync(new ProcessStartInfo(newman)
            {
                ArgumentList =
                {
                    "run", PostmanCollection.CollectionFile, "--environment", PostmanCollection.EnvironmentFile,
                    "--env-var", $"baseUrl={service.Address.ToString().TrimEnd('/')}",
                    "--env-var", $"adminEmail={admin}", "--env-var", $"adminPassword={ContactsApiFactory.Password}",
                    "--working-dir", PostmanCollection.Folder, "--color", "off",
                    "--reporters", "cli,json", "--reporter-json-export", report,
                },
            });

            Assert.True(run.Exit == 0, run.Output);
            var stats = JsonNode.Parse(await File.ReadAllTextAsync(report))!["run"]!["stats"]!;
            Assert.Equal(PostmanCollection.Requests().Count, stats["requests"]!["total"]!.GetValue<int>());
            Assert.Equal(0, stats["requests"]!["failed"]!.GetValue<int>());
            Assert.Equal(0, stats["assertions"]!["failed"]!.GetValue<int>());
            // Each request tests at least its status and its body.
            Assert.True(stats["assertions"]!["total"]!.GetValue<int>() >= 2 * PostmanCollection.Requests().Count, run.Output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_collection_calls_every_operation_the_OpenAPI_document_declares()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var declared = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {Shape(path.Key)}"))
            .ToHashSet();
        var called = PostmanCollection.Requests()
            .Select(r => $"{r["method"]!.GetValue<string>()} {Shape(PostmanCollection.RawUrl(r).Replace("{{baseUrl}}", "").Split('?')[0])}")
            .ToHashSet();

        Assert.NotEmpty(declared);
        Assert.Empty(declared.Except(called).Order());
    }

    [Fact]
    public void Every_request_tests_its_status_and_its_body()
    {
        var collection = JsonNode.Parse(File.ReadAllText(PostmanCollection.CollectionFile))!;
        var untested = new List<string>();
        void Walk(JsonArray items, string folder)
        {
            foreach (var item in items)
            {
                var name = $"{folder}/{item!["name"]}";
                if (item["item"] is JsonArray children) { Walk(children, name); continue; }
                var test = string.Join('\n', item["event"]!.AsArray()
                    .Where(e => e!["listen"]!.GetValue<string>() == "test")
                    .SelectMany(e => e!["script"]!["exec"]!.AsArray().Select(line => line!.GetValue<string>())));
                if (!test.Contains("pm.response.to.have.status(") || !BodyCheck().IsMatch(test)) untested.Add(name);
            }
        }
        Walk(collection["item"]!.AsArray(), "");
        Assert.Empty(untested);
    }

    /// <summary><c>/api/contacts/{id}</c> and <c>/api/contacts/{{contactId}}</c> alike become <c>/api/contacts/{}</c>.</summary>
    private static string Shape(string path) => Parameter().Replace(path, "{}").TrimEnd('/').ToLowerInvariant();

    [GeneratedRegex(@"\{\{?[^}]+\}?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"pm\.response\.(json|text|stream)\(?")]
    private static partial Regex BodyCheck();

    private static ProcessStartInfo Dotnet(string dataFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContactsApi.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataFolder"] = dataFolder;
        return start;
    }

    private static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start)
    {
        var (exit, stdout, stderr) = await ExternalTools.RunAsync(start, RunLimit);
        return (exit, stdout + stderr);
    }

    public sealed class SwaggerFactory : ContactsApiFactory
    {
        public SwaggerFactory() => Settings["Swagger:Enabled"] = "true";
    }
}
