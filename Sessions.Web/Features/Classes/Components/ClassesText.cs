namespace Sessions.Web.Features.Classes.Components;

/// <summary>The resource class of the class pages' texts: the student's classes, a class page and its live sessions.</summary>
public sealed class ClassesText;
