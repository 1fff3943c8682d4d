using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContactsApi.Backup;

/// <summary>
/// An action that reads a .vcf file itself, as the body (<c>text/vcard</c>) or as the multipart field
/// <c>file</c>: no parameter binds it, so the OpenAPI document learns of the body from this.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VcardUploadAttribute : Attribute
{
    public const string Field = "file";

    internal sealed class Documentation : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<VcardUploadAttribute>().Any()) return;
            var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A .vcf file (vCard 2.1, 3.0 or 4.0), at most 20 MB and 20,000 cards.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["text/vcard"] = new OpenApiMediaType { Schema = file },
                    ["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { Field },
                            Properties = new Dictionary<string, IOpenApiSchema> { [Field] = file },
                        },
                    },
                },
            };
        }
    }
}
