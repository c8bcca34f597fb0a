using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>A live session of a fresh class (its educator, a student and a classmate), with the educator's and the student's API clients.</summary>
public sealed record ChatRoom(Guid SessionId, AppUser Educator, AppUser StudentUser, AppUser Classmate, HttpClient Teacher, HttpClient Student)
    : IDisposable
{
    public static async Task<ChatRoom> OpenAsync(SessionsAppFactory app)
    {
        var data = app.Data;
        var educator = await data.EducatorAsync("Ms. Chat");
        var student = await data.StudentAsync("Lina");
        var classmate = await data.StudentAsync("Omar");
        var session = await data.SessionAsync(await data.ClassAsync(educator, student, classmate));
        var teacher = await data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        return new ChatRoom(session.Id, educator, student, classmate, teacher, await data.ClientForAsync(student));
    }

    public void Dispose()
    {
        Teacher.Dispose();
        Student.Dispose();
    }
}
