namespace LhlBot.Knowledge.Tests;
