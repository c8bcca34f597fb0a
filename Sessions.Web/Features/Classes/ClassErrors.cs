using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

public static class ClassErrors
{
    public static readonly ServiceError NotFound =
        new("class_not_found", "This class does not exist.", StatusCodes.Status404NotFound);

    public static readonly ServiceError NotMember =
        new("not_enrolled", "You are not enrolled in this class.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError NotOwner =
        new("not_class_owner", "Only the class's owning educator (or an admin) can book its sessions, change its settings or choose its co-educators.", StatusCodes.Status403Forbidden);

    public static readonly ServiceError StudentNotFound =
        new("user_not_found", "There is no account with this id.", StatusCodes.Status404NotFound);

    /// <summary>The same code as <see cref="StudentNotFound"/>: an unknown email is an unknown account.</summary>
    public static readonly ServiceError EmailNotFound =
        new("user_not_found", "There is no account with this email.", StatusCodes.Status404NotFound);

    /// <summary>The same code as <see cref="Archived"/>: an archived class's roster takes no one new (removing still works).</summary>
    public static readonly ServiceError ArchivedRoster =
        new("class_archived", "This class is archived: it takes no new students.", StatusCodes.Status409Conflict);

    public static readonly ServiceError NotAStudent =
        new("not_a_student", "Only accounts with the Student role can be enrolled in a class.", StatusCodes.Status409Conflict);

    public static readonly ServiceError CodeTaken =
        new("class_code_taken", "Another class already has this code.", StatusCodes.Status409Conflict);

    public static readonly ServiceError Archived =
        new("class_archived", "This class is archived: it takes no new sessions.", StatusCodes.Status409Conflict);
}
