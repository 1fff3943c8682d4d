using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ContactsApi.Common;

/// <summary>
/// The model binder would turn an empty or blank route or query value into null, as if it were
/// absent: <c>?limit=</c> would quietly mean the default and <c>/api/contacts/%20</c> would fail
/// with the framework's "field is required". Kept as given, each is judged by the contract's rule.
/// </summary>
public sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string)) context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
