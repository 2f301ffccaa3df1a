namespace LhlBot.Tests;
