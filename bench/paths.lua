-- wrk: each request asks for one of the pages listed in the file PATHS (one path a line),
-- picked at random, as readers spread over many articles
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
