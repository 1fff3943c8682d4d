using ContactsApi.Common;

namespace ContactsApi.Contacts;

public static class ContactIds
{
    /// <summary>The id, or the spec's 404 for one that is not an ObjectId.</summary>
    public static string Check(string id, string name = "_id") =>
        ObjectIds.IsValid(id)
            ? id
            : throw new ApiException(StatusCodes.Status404NotFound,
                $"\"{name}\" with value \"{id}\" fails to match the valid mongo id pattern");
}
