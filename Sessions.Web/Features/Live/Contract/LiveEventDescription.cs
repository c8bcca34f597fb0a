using System.Reflection;

namespace Sessions.Web.Features.Live.Contract;

/// <summary>One server-to-client event as the contract describes it: the invocation target and its payload type.</summary>
public sealed record LiveEventDescription(string Name, Type Payload, LiveAudience Audience, string Summary)
{
    /// <summary>Every method of <see cref="ILiveClient"/>, in declaration order; fails on one the contract cannot describe.</summary>
    public static IReadOnlyList<LiveEventDescription> All() => Of(typeof(ILiveClient));

    internal static IReadOnlyList<LiveEventDescription> Of(Type contract) => [.. contract.GetMethods().Select(Describe)];

    private static LiveEventDescription Describe(MethodInfo method)
    {
        var attribute = method.GetCustomAttribute<LiveEventAttribute>()
            ?? throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} has no [LiveEvent]: say who receives it and when.");
        if (method.GetParameters() is not [{ ParameterType: var payload }] || method.ReturnType != typeof(Task))
        {
            throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} must take exactly one payload and return Task.");
        }
        return new(method.Name, payload, attribute.Audience, attribute.Summary);
    }
}
