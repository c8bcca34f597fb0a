using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Accounts.Components;

/// <summary><c>[Required]</c> whose message is in the request's language (<see cref="AccountsText.Required"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public RequiredFieldAttribute()
    {
        ErrorMessageResourceType = typeof(AccountsText);
        ErrorMessageResourceName = nameof(AccountsText.Required);
    }
}
