using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Data;

/// <summary>A lost race on a unique index is told apart from other refusals of the database, whatever the provider.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class UniqueViolationTests(SessionsAppFactory app)
{
    [Fact]
    public async Task A_second_enrolment_of_the_same_student_is_a_unique_violation()
    {
        var student = await app.Data.StudentAsync();
        var schoolClass = await app.Data.ClassAsync(await app.Data.EducatorAsync(), student);

        var failure = await SaveAsync(new Enrollment { ClassId = schoolClass.Id, StudentId = student.Id });

        Assert.True(UniqueViolation.Is(failure));
    }

    [Fact]
    public async Task An_enrolment_in_a_class_that_does_not_exist_is_not()
    {
        var student = await app.Data.StudentAsync();

        var failure = await SaveAsync(new Enrollment { ClassId = int.MaxValue, StudentId = student.Id });

        Assert.False(UniqueViolation.Is(failure));
    }

    private async Task<DbUpdateException> SaveAsync(Enrollment enrollment)
    {
        await using var db = await app.Data.DbAsync();
        db.Enrollments.Add(enrollment);
        return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
