using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;

namespace Sessions.LoadTest;

/// <summary>
/// Seeds a district-sized data set straight into a portal database (migrating it first): one educator per class,
/// each class with its students and one session open to start now, and one admin who may start any of them.
/// Accounts share one password hash, made with few PBKDF2 rounds so that thousands of sign-ins stay cheap in a
/// load test (Identity rehashes it on the first sign-in); never use such accounts outside a load test.
/// </summary>
internal static class LargeSeed
{
    public const string Password = "Passw0rd!";
    public const string AdminEmail = "load-admin@example.com";
    private const string ClassNamePrefix = "Load class ";

    public static string EducatorEmail(int classNumber) => string.Create(CultureInfo.InvariantCulture, $"load-teacher{classNumber}@example.com");

    public static string StudentEmail(int classNumber, int studentNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"load-student{classNumber}-{studentNumber}@example.com");

    public static async Task RunAsync(Arguments args)
    {
        var database = LoadDatabase.From(args);
        var classes = args.Number("classes", 500);
        var studentsPerClass = args.Number("students-per-class", 20);
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        if (database.IsSqlite)
        {
            // As the portal sets it at start: the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        // Seeding tops up: classes already there are kept, with their students' ids (and so their cached tokens).
        var existing = await db.Classes.CountAsync(c => c.Name.StartsWith(ClassNamePrefix));
        if (existing >= classes)
        {
            Console.WriteLine($"{database.Name} already has {existing} load classes.");
            return;
        }

        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var now = DateTime.UtcNow;
        var uid = (await db.Users.MaxAsync(u => (long?)u.RtcUid) ?? 999_999) + 1;
        AppUser NewUser(string email, string name, string role)
        {
            var user = new AppUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = name,
                TimeZoneId = "UTC",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                RtcUid = uid++,
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.ToLowerInvariant() });
            return user;
        }

        if (existing == 0)
        {
            NewUser(AdminEmail, "Load Admin", AppRoles.Admin);
        }
        for (var classNumber = existing + 1; classNumber <= classes; classNumber++)
        {
            var educator = NewUser(EducatorEmail(classNumber), $"Teacher {classNumber}", AppRoles.Educator);
            var schoolClass = new SchoolClass
            {
                Name = $"{ClassNamePrefix}{classNumber}",
                Code = $"LOAD-{classNumber}",
                Subject = "Load",
                EducatorId = educator.Id,
                Enrollments = [.. Enumerable.Range(1, studentsPerClass).Select(n => new Enrollment
                {
                    StudentId = NewUser(StudentEmail(classNumber, n), $"Student {classNumber}-{n}", AppRoles.Student).Id,
                })],
            };
            db.Classes.Add(schoolClass);
            await db.SaveChangesAsync();
            db.Sessions.Add(Session.Create(schoolClass.Id, educator.Id, SessionType.Scheduled, $"Load session {classNumber}", null,
                now, Session.MaxDurationMinutes, now));
            if (classNumber % 100 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                Console.WriteLine($"{classNumber} classes seeded");
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"Seeded classes {existing + 1} to {classes} × {studentsPerClass} students into {database.Name}; password {Password}.");
    }
}
