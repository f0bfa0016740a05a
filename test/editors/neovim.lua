-- Driven by test/editors/neovim.mjs: `nvim --headless --clean`, our language server started the way
-- docs/editors.md says (a FileType autocmd, root_dir from markers, one server per root), then what a user does:
-- read the diagnostics, hover, apply a quick fix, complete. Each step's observations go to CNC_RESULTS as JSON;
-- neovim.mjs asserts on them (so a Lua error is a failed step, never a hang).
local env = vim.env
local results = {}
local TIMEOUT = 20000

local function step(name, fn)
  local ok, detail = pcall(fn)
  table.insert(results, { name = name, ok = ok and detail ~= nil, detail = ok and detail or nil, error = (not ok) and tostring(detail) or nil })
end

local function find_root(file)
  -- vim.fs.root (0.10) is what docs/editors.md uses; the same markers, by hand, for the Neovim Debian ships.
  if vim.fs and vim.fs.root then return vim.fs.root(file, { '.cnc.yaml', '.git' }) end
  local marker = vim.fn.findfile('.cnc.yaml', vim.fn.fnamemodify(file, ':h') .. ';')
  if marker == '' then marker = vim.fn.finddir('.git', vim.fn.fnamemodify(file, ':h') .. ';') end
  return marker ~= '' and vim.fn.fnamemodify(marker, ':p:h:h') or nil
end

local started = {}
local function start(args)
  local root = find_root(vim.api.nvim_buf_get_name(args.buf))
  if not root then return end
  local config = { name = 'cnc', cmd = { env.CNC_NODE, env.CNC_CLI, 'serve', '--stdio' }, root_dir = root }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = args.buf })
  else
    -- Before 0.8 there is no vim.lsp.start: one client per root, attached to each buffer under it.
    started[root] = started[root] or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(args.buf, started[root])
  end
end
vim.api.nvim_create_autocmd('FileType', { pattern = { 'yaml', 'terraform' }, callback = start })

-- vim.lsp.get_clients is 0.10's name; 0.7 has buf_get_clients (keyed by client id) and get_active_clients().
local function client_of(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do return client end
end
local function cnc_clients()
  local count = 0
  for _, client in pairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do
    if client.name == 'cnc' then count = count + 1 end
  end
  return count
end

-- A buffer's diagnostics with this code, as the LSP diagnostics the server sent (the context of a code action
-- request). 0.7 keeps only code and data of them in user_data.lsp; the range is the vim diagnostic's (ASCII here).
local function cnc_diagnostics(buf, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (lsp.code or d.code) == code then
      table.insert(found, {
        range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
        message = d.message, source = d.source, code = code, severity = d.severity, data = lsp.data,
      })
    end
  end
  return found
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  assert(responses, method .. ': ' .. tostring(err))
  for _, response in pairs(responses) do
    assert(not response.err, method .. ': ' .. vim.inspect(response.err))
    return response.result
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.CNC_MANIFEST))
local manifest = vim.api.nvim_get_current_buf()

step('the server starts for the YAML buffer, rooted at the workspace', function()
  assert(vim.wait(TIMEOUT, function() return client_of(manifest) ~= nil and client_of(manifest).initialized end, 50), 'no client attached')
  local client = client_of(manifest)
  return {
    nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
    filetype = vim.bo[manifest].filetype,
    root = client.config.root_dir,
    snippetSupport = vim.lsp.protocol.make_client_capabilities().textDocument.completion.completionItem.snippetSupport,
    showDocument = vim.lsp.protocol.make_client_capabilities().window.showDocument.support,
    executeCommands = (client.server_capabilities.executeCommandProvider or {}).commands or {},
  }
end)

local imageTag
step('diagnostics: the unpinned image tag is reported', function()
  assert(vim.wait(TIMEOUT, function() return #cnc_diagnostics(manifest, 'image-tag-not-pinned') > 0 end, 50), 'no image-tag-not-pinned diagnostic')
  imageTag = cnc_diagnostics(manifest, 'image-tag-not-pinned')[1]
  return { line = imageTag.range.start.line, message = imageTag.message, source = imageTag.source }
end)

step('hover on kind: Deployment', function()
  local hover = request(manifest, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(manifest) }, position = { line = 1, character = 8 } })
  return { value = hover.contents.value }
end)

step('code actions: quick fix applied', function()
  local actions = request(manifest, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(manifest) }, range = imageTag.range, context = { diagnostics = { imageTag } },
  })
  local offered, fix = {}, nil
  for _, action in ipairs(actions) do
    table.insert(offered, { title = action.title, edit = action.edit ~= nil, command = action.command and action.command.command or vim.NIL })
    if not fix and action.edit and action.title:match('^Pin image tag') then fix = action end
  end
  assert(fix, 'no "Pin image tag" fix among ' .. vim.inspect(offered))
  vim.lsp.util.apply_workspace_edit(fix.edit, client_of(manifest).offset_encoding)
  local line = vim.api.nvim_buf_get_lines(manifest, imageTag.range.start.line, imageTag.range.start.line + 1, false)[1]
  local cleared = vim.wait(TIMEOUT, function() return #cnc_diagnostics(manifest, 'image-tag-not-pinned') == 0 end, 50)
  return { offered = offered, applied = fix.title, line = line, cleared = cleared }
end)

local partial
step('a second YAML buffer under the same root shares the server', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.CNC_PARTIAL))
  partial = vim.api.nvim_get_current_buf()
  assert(vim.wait(TIMEOUT, function() return client_of(partial) ~= nil end, 50), 'no client attached to the second buffer')
  return { clients = cnc_clients(), sameClient = client_of(partial).id == client_of(manifest).id }
end)

step('completion of a key, in plain text (this client has no snippet support)', function()
  local lines = vim.api.nvim_buf_get_lines(partial, 0, -1, false)
  local row = #lines - 1
  local result = request(partial, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(partial) }, position = { line = row, character = #lines[#lines] },
  })
  local items = {}
  for _, item in ipairs(result.items or result) do
    table.insert(items, { label = item.label, insertTextFormat = item.insertTextFormat or vim.NIL, insertText = item.insertText or vim.NIL,
      newText = item.textEdit and item.textEdit.newText or vim.NIL })
  end
  return { items = items }
end)

step('the server stops with the editor', function()
  local client = client_of(manifest)
  client.stop()
  return { stopped = vim.wait(TIMEOUT, function() return client.is_stopped() end, 50) }
end)

local file = io.open(env.CNC_RESULTS, 'w')
file:write(vim.fn.json_encode(results))
file:close()
vim.cmd('qall!')
